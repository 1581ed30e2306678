namespace Orchestration.Sdk.Store;

/// <summary>A consistent list of objects and the store version it was taken at (watch from it to miss nothing).</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Items">The objects, ordered by namespace and name.</param>
/// <param name="ResourceVersion">The store version of the list.</param>
public sealed record ListResult<T>(IReadOnlyList<T> Items, long ResourceVersion);
