using System.Text.Json.Serialization;

namespace CustomKind;

/// <summary>The Website kind's source-generated JSON contract: the store file and apply then work trimmed and with native AOT.</summary>
[JsonSerializable(typeof(Website))]
internal sealed partial class WebsiteJsonContext : JsonSerializerContext;
