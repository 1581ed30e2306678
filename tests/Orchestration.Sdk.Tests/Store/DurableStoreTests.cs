using Microsoft.Extensions.Options;
using Microsoft.Data.Sqlite;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Store;

/// <summary>The persistent store: SQLite, every acknowledged write on disk at once, atomic batches, owner-only files.</summary>
public sealed class DurableStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("durable-").FullName;

    private string StorePath => Path.Combine(_dir, "store.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void AWriteThatReturned_IsInTheFile_BeforeTheStoreIsClosed()
    {
        var first = Open(); // never disposed before the second reads: as a host killed right after the call
        first.Create(Map("a", "1"));
        var updated = first.Update(first.Get<ConfigMap>(Key("a"))! with { Data = new Dictionary<string, string> { ["k"] = "2" } });
        first.Create(Map("gone", "x"));
        first.Delete(Key("gone"));

        using var second = Open();

        Assert.Equal("2", second.Get<ConfigMap>(Key("a"))!.Data["k"]);
        Assert.Equal(updated.Metadata.ResourceVersion, second.Get<ConfigMap>(Key("a"))!.Metadata.ResourceVersion);
        Assert.Null(second.Get<ConfigMap>(Key("gone")));
        Assert.Equal(first.Version, second.Version);
        first.Dispose();
    }

    [Theory]
    [InlineData(StoreDurability.ProcessCrash, 1)]
    [InlineData(StoreDurability.PowerLoss, 2)]
    public void Durability_ChoosesSqlitesSynchronousMode(StoreDurability durability, long mode)
    {
        using var store = new ResourceStore(TimeProvider.System, Options.Create(new StoreOptions { PersistencePath = StorePath, Durability = durability }));
        store.Create(Map("a", "1"));

        Assert.Equal(mode, store.SynchronousMode);
    }

    [Fact]
    public void ABind_IsInTheFile_AsEveryOtherWrite()
    {
        var first = Open();
        var pod = first.Create(new Pod { Metadata = new ObjectMeta { Name = "p", Namespace = "default" }, Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] } });
        first.Bind(pod.Key, pod.Metadata.Uid, "node-1", new Condition(PodConditionType.PodScheduled, ConditionStatus.True));

        using var second = Open();

        Assert.Equal("node-1", second.Get<Pod>(pod.Key)!.Spec.NodeName);
        first.Dispose();
    }

    [Fact]
    public void TheFile_IsASqliteDatabase_OwnerOnly()
    {
        using var store = Open();
        store.Create(Map("a", "1"));

        var header = File.ReadAllBytes(StorePath)[..16];
        Assert.Equal("SQLite format 3\0"u8.ToArray(), header);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath + "-wal"));
        }
    }

    [Fact]
    public void RunAtomically_AFailureHalfway_LeavesNoneOfItInMemoryOrInTheFile()
    {
        using var store = Open();
        var existing = store.Create(Map("existing", "before"));

        var error = Assert.Throws<InvalidOperationException>(() => store.RunAtomically(() =>
        {
            store.Create(Map("new", "1"));
            store.Update(existing with { Data = new Dictionary<string, string> { ["k"] = "after" } });
            throw new InvalidOperationException("refused halfway");
        }));

        using var reopened = Open();
        Assert.Equal("refused halfway", error.Message);
        foreach (var view in new[] { store, reopened })
        {
            Assert.Null(view.Get<ConfigMap>(Key("new")));
            Assert.Equal("before", view.Get<ConfigMap>(Key("existing"))!.Data["k"]);
        }
    }

    [Fact]
    public void RunAtomically_Succeeding_CommitsEveryWrite()
    {
        using (var store = Open())
        {
            store.RunAtomically(() =>
            {
                store.Create(Map("one", "1"));
                store.Create(Map("two", "2"));
            });
        }

        using var reopened = Open();
        Assert.NotNull(reopened.Get<ConfigMap>(Key("one")));
        Assert.NotNull(reopened.Get<ConfigMap>(Key("two")));
    }

    [Fact]
    public void AJsonStoreFileFromBefore_IsImported_AndKeptAsABackup()
    {
        var objects = new List<Resource> { Map("legacy", "1") with { Metadata = new ObjectMeta { Name = "legacy", Namespace = "default", Uid = "u1", ResourceVersion = 7 } } };
        File.WriteAllBytes(StorePath, StoreSnapshot.Write(9, objects, Orchestration.Sdk.Kinds.KindRegistry.CreateDefault()));

        using var store = Open();

        Assert.Equal("1", store.Get<ConfigMap>(Key("legacy"))!.Data["k"]);
        Assert.Equal(9, store.Version);
        Assert.True(File.Exists(StorePath + ".json-backup"));
        Assert.Equal("SQLite format 3\0"u8.ToArray(), File.ReadAllBytes(StorePath)[..16]);
    }

    [Fact]
    public void AJsonStoreBesideTheDatabasePath_IsImportedOnce()
    {
        var legacy = Path.ChangeExtension(StorePath, ".json");
        File.WriteAllBytes(legacy, StoreSnapshot.Write(3, [Map("old", "1") with { Metadata = new ObjectMeta { Name = "old", Namespace = "default", Uid = "u", ResourceVersion = 3 } }], Orchestration.Sdk.Kinds.KindRegistry.CreateDefault()));

        using (var store = Open())
        {
            Assert.NotNull(store.Get<ConfigMap>(Key("old")));
        }

        Assert.False(File.Exists(legacy), "the JSON file is moved aside, so it is not imported again over newer data");
        Assert.True(File.Exists(legacy + ".json-backup"));
    }

    [Fact]
    public void AFileThatIsNeitherJsonNorSqlite_FailsTheOpenNamingIt()
    {
        File.WriteAllText(StorePath, "garbage that is not a database, long enough to have a header of sorts");

        var error = Assert.Throws<OrchestrationException>(Open);

        Assert.Contains(StorePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("move it away", error.Message, StringComparison.Ordinal);
    }

    private ResourceStore Open() => new(TimeProvider.System, Options.Create(new StoreOptions { PersistencePath = StorePath }));

    private static ObjectKey Key(string name) => new(ConfigMap.KindName, "default", name);

    private static ConfigMap Map(string name, string value) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Data = new Dictionary<string, string> { ["k"] = value },
    };
}
