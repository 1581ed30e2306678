using System.Globalization;
using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Hosting;

/// <summary>
/// Collects every broken rule of one options object, each worded as a Kubernetes field error on the option's path
/// (<c>NodeAgentOptions.MaxBackoff: Invalid value: "00:00:05": must be greater than or equal to NodeAgentOptions.InitialBackoff</c>),
/// and hands them to <see cref="IValidateOptions{TOptions}"/> as one result. Written here because the data annotation
/// attributes cannot compare two options with each other and do not use Kubernetes' words.
/// </summary>
internal sealed class OptionsRules(string optionsName)
{
    private List<string>? _failures;

    public OptionsRules Positive(TimeSpan value, string option) =>
        Check(value > TimeSpan.Zero, option, value, "must be greater than 0");

    public OptionsRules NotNegative(TimeSpan value, string option) =>
        Check(value >= TimeSpan.Zero, option, value, "must be greater than or equal to 0");

    public OptionsRules Positive(long value, string option) =>
        Check(value > 0, option, value, "must be greater than 0");

    public OptionsRules NotNegative(long value, string option) =>
        Check(value >= 0, option, value, "must be greater than or equal to 0");

    public OptionsRules InRange(long value, string option, long min, long max) =>
        Check(value >= min && value <= max, option, value, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, inclusive"));

    public OptionsRules AtLeast(TimeSpan value, string option, TimeSpan other, string otherOption) =>
        Check(value >= other, option, value, $"must be greater than or equal to {optionsName}.{otherOption}");

    public OptionsRules Check(bool valid, string option, object? value, string rule)
    {
        if (!valid)
        {
            Add($"{optionsName}.{option}: Invalid value: {Format(value)}: {rule}");
        }

        return this;
    }

    /// <summary>Adds a failure worded by the caller (a "Duplicate value" or "Required value" error).</summary>
    public OptionsRules Add(string failure)
    {
        (_failures ??= []).Add(failure);
        return this;
    }

    public ValidateOptionsResult Result() =>
        _failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        TimeSpan t => $"\"{t.ToString("c", CultureInfo.InvariantCulture)}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
