using System.Globalization;
using System.Text;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Declaration;

/// <summary>
/// Builds <see cref="ValidationError"/>s worded as Kubernetes' field errors (k8s.io/apimachinery field.Error), and
/// prints bad values as Go does: strings quoted, numbers plain, maps as <c>map[string]string{"app":"web"}</c>.
/// </summary>
internal static class FieldErrors
{
    public static ValidationError Required(FieldPath field, string detail = "") =>
        new(field.Value, WithDetail("Required value", detail));

    public static ValidationError Invalid(FieldPath field, object? value, string detail) =>
        new(field.Value, WithDetail($"Invalid value: {FormatValue(value)}", detail));

    public static ValidationError Duplicate(FieldPath field, object? value, string detail = "") =>
        new(field.Value, WithDetail($"Duplicate value: {FormatValue(value)}", detail));

    public static ValidationError NotSupported(FieldPath field, object? value, params string[] supported) =>
        new(field.Value, WithDetail($"Unsupported value: {FormatValue(value)}", "supported values: " + string.Join(", ", supported.Select(Quote))));

    public static ValidationError NotFound(FieldPath field, object? value) =>
        new(field.Value, $"Not found: {FormatValue(value)}");

    public static ValidationError Forbidden(FieldPath field, string detail) =>
        new(field.Value, WithDetail("Forbidden", detail));

    public static ValidationError TooLong(FieldPath field, int maxBytes) =>
        new(field.Value, $"Too long: must have at most {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes");

    /// <summary>A bad value as Kubernetes prints it.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        Enum e => Quote(e.ToString()),
        Quantity q => Quote(q.ToString()),
        IReadOnlyDictionary<string, string> map => FormatMap(map),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    /// <summary>Quotes a string as Go's %q does (escapes quotes, backslashes and control characters).</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ' or '\u007f': sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string FormatMap(IReadOnlyDictionary<string, string> map) =>
        "map[string]string{" +
        string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}:{Quote(p.Value)}")) +
        "}";

    private static string WithDetail(string body, string detail) => detail.Length == 0 ? body : $"{body}: {detail}";
}
