package vn.nghean.review.unit;

/** Published once an edition of the registry has been committed on this node. */
record RegistryEditionLoaded(UnitRegistry.Edition edition) {}
