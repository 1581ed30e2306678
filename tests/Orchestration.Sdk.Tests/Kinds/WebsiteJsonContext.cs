using System.Text.Json.Serialization;

namespace Orchestration.Sdk.Tests.Kinds;

/// <summary>The test kind's source-generated JSON contract, as a trimmed or native AOT app registers a custom kind.</summary>
[JsonSerializable(typeof(Website))]
internal sealed partial class WebsiteJsonContext : JsonSerializerContext;
