package vn.nghean.review.unit;

/** Published once an edition of the registry has been committed on this node. */
public record RegistryEditionLoaded(UnitRegistry.Edition edition) {}
