using System.Text;
using System.Text.Json;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Model;
using Orchestration.Sdk.Secrets;
using Orchestration.Sdk.Store;

namespace Orchestration.Sdk.Tests.Secrets;

/// <summary>Secrets encrypted at rest with AES-256-GCM, read back decrypted, and rotated as Kubernetes' EncryptionConfiguration.</summary>
public class SecretEncryptionTests
{
    private const string Plain = "hunter2-very-secret";

    private static readonly SecretEncryptionKey Key1 = SecretEncryptionKey.CreateRandom("key1");
    private static readonly SecretEncryptionKey Key2 = SecretEncryptionKey.CreateRandom("key2");

    [Fact]
    public void Create_Secret_StoredEncryptedAndReadDecrypted()
    {
        var (store, _) = NewStore(Key1);

        store.Create(NewSecret());

        var raw = Assert.IsType<Secret>(Assert.Single(store.RawSnapshot()));
        var envelope = raw.Data["password"];
        Assert.True(envelope.IsEncrypted);
        Assert.StartsWith("k8s:enc:aesgcm:v1:key1:", Encoding.ASCII.GetString(envelope.Span[..23]), StringComparison.Ordinal);
        Assert.Equal(23 + 12 + Plain.Length + 16, envelope.Length);
        Assert.Equal(Plain, store.Get<Secret>(Key())!.Data["password"].GetString());
        Assert.Equal(Plain, store.List<Secret>(Secret.KindName).Items[0].Data["password"].GetString());
    }

    [Fact]
    public void Serialize_RawStore_HoldsNoPlaintext()
    {
        var (store, _) = NewStore(Key1);
        store.Create(NewSecret());

        var json = JsonSerializer.Serialize(store.RawSnapshot().Cast<object>().ToList());
        var readBack = JsonSerializer.Serialize(store.Get<Secret>(Key()));

        Assert.DoesNotContain(Plain, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Plain)), json, StringComparison.Ordinal);
        Assert.Contains("password", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Plain, readBack, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", readBack, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_SameValueTwice_UsesFreshNonce()
    {
        var (store, _) = NewStore(Key1);
        store.Create(NewSecret() with { Data = new Dictionary<string, SecretValue> { ["a"] = SecretValue.FromString(Plain), ["b"] = SecretValue.FromString(Plain) } });

        var raw = (Secret)store.RawSnapshot()[0];

        Assert.NotEqual(raw.Data["a"], raw.Data["b"]);
    }

    [Fact]
    public async Task Watch_Secret_DeliversDecryptedValue()
    {
        var (store, _) = NewStore(Key1);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        store.Create(NewSecret());
        await foreach (var e in store.Watch(Secret.KindName, 0, cts.Token))
        {
            Assert.Equal(Plain, ((Secret)e.Object!).Data["password"].GetString());
            break;
        }
    }

    [Fact]
    public void Rotate_NewKeyFirstOldKeyKept_OldDecryptsAndWritesUseNewKey()
    {
        var (store, provider) = NewStore(Key1);
        store.Create(NewSecret());

        provider.Keys = [Key2, Key1];
        var current = store.Get<Secret>(Key())!;
        Assert.Equal(Plain, current.Data["password"].GetString());
        store.Update(current with { Data = new Dictionary<string, SecretValue> { ["password"] = SecretValue.FromString("rotated") } });

        provider.Keys = [Key2];
        var raw = (Secret)store.RawSnapshot()[0];
        Assert.StartsWith("k8s:enc:aesgcm:v1:key2:", Encoding.ASCII.GetString(raw.Data["password"].Span[..23]), StringComparison.Ordinal);
        Assert.Equal("rotated", store.Get<Secret>(Key())!.Data["password"].GetString());
    }

    [Fact]
    public void Read_KeyRemovedBeforeRewrite_FailsWithoutRevealingValue()
    {
        var (store, provider) = NewStore(Key1);
        store.Create(NewSecret());
        provider.Keys = [Key2];

        var ex = Assert.Throws<OrchestrationException>(() => store.Get<Secret>(Key()));

        Assert.Equal("secret default/db-credentials: no configured encryption key can decrypt key password (it was encrypted with key \"key1\")", ex.Message);
    }

    [Fact]
    public void Read_WrongKeyMaterialUnderSameName_FailsAuthentication()
    {
        var (store, provider) = NewStore(Key1);
        store.Create(NewSecret());
        provider.Keys = [SecretEncryptionKey.CreateRandom("key1")];

        var ex = Assert.Throws<OrchestrationException>(() => store.Get<Secret>(Key()));

        Assert.DoesNotContain(Plain, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed to decrypt", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 32, "an encryption key name must be non-empty and must not contain ':' (Parameter 'name')")]
    [InlineData("a:b", 32, "an encryption key name must be non-empty and must not contain ':' (Parameter 'name')")]
    [InlineData("k", 16, "encryption key \"k\" must be 32 bytes for AES-256, was 16 (Parameter 'key')")]
    public void SecretEncryptionKey_Invalid_Throws(string name, int size, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SecretEncryptionKey(name, new byte[size]));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void DefaultProvider_NoKeysConfigured_UsesOneProcessKey()
    {
        var a = new DefaultSecretKeyProvider(Microsoft.Extensions.Options.Options.Create(new SecretEncryptionOptions())).GetKeys();
        var b = new DefaultSecretKeyProvider(Microsoft.Extensions.Options.Options.Create(new SecretEncryptionOptions())).GetKeys();
        var options = new SecretEncryptionOptions();
        options.Keys.Add(SecretEncryptionKey.FromBase64("mine", Convert.ToBase64String(new byte[32])));

        Assert.Same(Assert.Single(a), Assert.Single(b));
        Assert.Equal("default", a[0].Name);
        Assert.Equal("mine", new DefaultSecretKeyProvider(Microsoft.Extensions.Options.Options.Create(options)).GetKeys()[0].Name);
        Assert.Equal("SecretEncryptionKey { Name = mine }", options.Keys[0].ToString());
    }

    private static (ResourceStore Store, TestKeys Provider) NewStore(params SecretEncryptionKey[] keys)
    {
        var provider = new TestKeys { Keys = keys };
        var store = new ResourceStore().WithTransformers([new AesGcmSecretTransformer(provider)]);
        return (store, provider);
    }

    private static ObjectKey Key() => new(Secret.KindName, "default", "db-credentials");

    private static Secret NewSecret() => new()
    {
        Metadata = new ObjectMeta { Name = "db-credentials" },
        Data = new Dictionary<string, SecretValue> { ["password"] = SecretValue.FromString(Plain) },
    };

    private sealed class TestKeys : ISecretKeyProvider
    {
        public IReadOnlyList<SecretEncryptionKey> Keys { get; set; } = [];

        public IReadOnlyList<SecretEncryptionKey> GetKeys() => Keys;
    }
}
