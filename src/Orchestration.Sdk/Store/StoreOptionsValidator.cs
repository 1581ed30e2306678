using Microsoft.Extensions.Options;
using Orchestration.Sdk.Hosting;

namespace Orchestration.Sdk.Store;

/// <summary>The rules of <see cref="StoreOptions"/>, checked when the host starts.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OptionsRules(nameof(StoreOptions))
            .Positive(options.HistoryCapacity, nameof(options.HistoryCapacity))
            .Positive(options.WatcherBufferCapacity, nameof(options.WatcherBufferCapacity))
            .Check(options.PersistencePath is null || !string.IsNullOrWhiteSpace(options.PersistencePath), nameof(options.PersistencePath), options.PersistencePath, "must not be empty (null keeps the store in memory)")
            .Result();
    }
}
