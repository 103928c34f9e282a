package vn.nghean.review.unit;

/**
 * Published once an edition of the registry has been committed on this node: the units' groups
 * follow it ({@link UnitGroups}), and so do the accounts made from its addresses
 * ({@code account.RegistryAccounts}).
 */
public record RegistryEditionLoaded(UnitRegistry.Edition edition) {}
