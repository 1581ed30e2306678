using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orchestration.Sdk.Kinds;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Store;

/// <summary>
/// The persistent store's file: a SQLite database (WAL journal) with one row per object in its stored form (Secrets
/// encrypted) and the store's version. Every change is written in its own transaction before the store applies it,
/// so a write that returned survives a SIGKILL of the host the next instant (synchronous=NORMAL by default: a power
/// loss may lose the last transactions, a process crash does not; <see cref="StoreDurability.PowerLoss"/> is FULL), and a write costs one row, whatever the store holds.
/// A batch (<see cref="RunInTransaction"/>) commits all of its changes or none. The file and its WAL are owner-only.
/// A store file from before (one JSON document, at the path itself or at the same path with a <c>.json</c>
/// extension, as Docker's default <c>store.json</c>) is imported on first open and kept beside as <c>.json-backup</c>.
/// </summary>
internal sealed class StoreDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly KindRegistry _kinds;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _setVersion;
    private SqliteTransaction? _batch;

    private StoreDatabase(SqliteConnection connection, StoreDurability durability, KindRegistry kinds)
    {
        _connection = connection;
        _kinds = kinds;
        Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={(durability == StoreDurability.PowerLoss ? "FULL" : "NORMAL")};");
        Execute("""
            CREATE TABLE IF NOT EXISTS objects (kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                version INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, namespace, name)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            """);
        _upsert = Command("INSERT INTO objects (kind, namespace, name, version, json) VALUES ($kind, $ns, $name, $version, $json) "
            + "ON CONFLICT (kind, namespace, name) DO UPDATE SET version = excluded.version, json = excluded.json", "$kind", "$ns", "$name", "$version", "$json");
        _delete = Command("DELETE FROM objects WHERE kind = $kind AND namespace = $ns AND name = $name", "$kind", "$ns", "$name");
        _setVersion = Command("INSERT INTO meta (key, value) VALUES ('version', $version) ON CONFLICT (key) DO UPDATE SET value = excluded.value", "$version");
    }

    /// <summary>The SQLite synchronous mode in use (1 NORMAL, 2 FULL), for tests.</summary>
    internal long SynchronousMode => Scalar("PRAGMA synchronous");

    /// <summary>Opens (creating or importing) the database at <paramref name="path"/>.</summary>
    public static StoreDatabase Open(string path, KindRegistry kinds, StoreDurability durability, out long version, out List<Resource> objects)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        (long Version, List<Resource> Objects)? legacy = null;
        var sibling = Path.ChangeExtension(full, ".json");
        var old = File.Exists(full) ? full : sibling != full && File.Exists(sibling) ? sibling : null;
        if (old is not null && IsJsonSnapshot(old))
        {
            legacy = StoreSnapshot.Read(File.ReadAllBytes(old), old, kinds);
            File.Move(old, old + ".json-backup", overwrite: true);
        }

        if (!File.Exists(full))
        {
            using (File.Create(full))
            {
            }
        }

        OwnerOnly(full); // also narrows a file an older version left world-readable

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var database = new StoreDatabase(connection, durability, kinds);
            if (legacy is { } imported)
            {
                database.RunInTransaction(() =>
                {
                    foreach (var obj in imported.Objects)
                    {
                        database.Put(obj);
                    }

                    database.SetVersion(imported.Version);
                });
            }

            (version, objects) = database.Load(full, kinds);
            return database;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new OrchestrationException($"The store file {full} cannot be opened as a SQLite database ({e.Message}); move it away to start empty.", e);
        }
    }

    /// <summary>Writes one change (a put, or a removal when <paramref name="deleted"/>) and the store's new version.</summary>
    public void Write(Resource obj, bool deleted, long version)
    {
        RunInTransaction(() =>
        {
            if (deleted)
            {
                Bind(_delete, obj.Kind, obj.Metadata.Namespace, obj.Metadata.Name).ExecuteNonQuery();
            }
            else
            {
                Put(obj);
            }

            SetVersion(version);
        });
    }

    /// <summary>Runs <paramref name="action"/> in one transaction (nested calls join the outer one): all of it is written, or none.</summary>
    public void RunInTransaction(Action action)
    {
        if (_batch is not null)
        {
            action();
            return;
        }

        _batch = _connection.BeginTransaction();
        try
        {
            action();
            _batch.Commit();
        }
        catch
        {
            _batch.Rollback();
            throw;
        }
        finally
        {
            _batch.Dispose();
            _batch = null;
        }
    }

    public void Dispose()
    {
        _upsert.Dispose();
        _delete.Dispose();
        _setVersion.Dispose();
        _connection.Dispose();
    }

    private (long Version, List<Resource> Objects) Load(string path, KindRegistry kinds)
    {
        var objects = new List<Resource>();
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT kind, json FROM objects";
            using var rows = read.ExecuteReader();
            while (rows.Read())
            {
                var kind = rows.GetString(0);
                if (!kinds.TryGet(kind, out var rule))
                {
                    throw new OrchestrationException(
                        $"The store file {path} holds objects of kind \"{kind}\", which is not registered: register the kind (AddKind) before the host starts, or move the file away to start empty.",
                        new UnknownKindException(kind));
                }

                try
                {
                    objects.Add((Resource)JsonSerializer.Deserialize(rows.GetString(1), rule.JsonTypeInfo)!);
                }
                catch (JsonException e)
                {
                    throw new OrchestrationException($"The store file {path} holds a {kind} that cannot be read ({e.Message}); move the file away to start empty.", e);
                }
            }
        }

        using var version = _connection.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key = 'version'";
        var stored = version.ExecuteScalar() is long v ? v : 0;
        return (Math.Max(stored, objects.Select(o => o.Metadata.ResourceVersion).DefaultIfEmpty(0).Max()), objects);
    }

    private void Put(Resource obj)
    {
        var command = Bind(_upsert, obj.Kind, obj.Metadata.Namespace, obj.Metadata.Name);
        command.Parameters["$version"].Value = obj.Metadata.ResourceVersion;
        command.Parameters["$json"].Value = JsonSerializer.Serialize(obj, _kinds.Get(obj.Kind).JsonTypeInfo);
        command.ExecuteNonQuery();
    }

    private void SetVersion(long version)
    {
        _setVersion.Transaction = _batch;
        _setVersion.Parameters["$version"].Value = version;
        _setVersion.ExecuteNonQuery();
    }

    private SqliteCommand Bind(SqliteCommand command, string kind, string ns, string name)
    {
        command.Transaction = _batch;
        command.Parameters["$kind"].Value = kind;
        command.Parameters["$ns"].Value = ns;
        command.Parameters["$name"].Value = name;
        return command;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        return command;
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : -1;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool IsJsonSnapshot(string path)
    {
        using var file = File.OpenRead(path);
        int first;
        while ((first = file.ReadByte()) is ' ' or '\n' or '\r' or '\t')
        {
        }

        return first == '{';
    }

    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
