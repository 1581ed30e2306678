using System.Runtime.CompilerServices;

namespace Orchestration.Sdk.Model;

/// <summary>Maps a resource type to its kind name and scope.</summary>
internal static class ResourceKinds
{
    public static string KindOf<T>()
        where T : Resource => Cache<T>.Kind;

    public static bool IsNamespaced<T>()
        where T : Resource => Cache<T>.Namespaced;

    private static class Cache<T>
        where T : Resource
    {
        private static readonly Resource? Sample = typeof(T).IsAbstract ? null : (Resource)RuntimeHelpers.GetUninitializedObject(typeof(T));

        public static readonly string Kind = Sample?.Kind ?? throw new ArgumentException($"{typeof(T).Name} is not a concrete resource type");

        public static readonly bool Namespaced = Sample?.IsNamespaced ?? true;
    }
}
