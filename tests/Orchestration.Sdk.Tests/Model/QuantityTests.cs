using System.Text.Json;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Tests.Model;

public class QuantityTests
{
    private const string FormatRule = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    [Theory]
    [InlineData("250m", "250m")]
    [InlineData("1.5", "1500m")]
    [InlineData("0.1", "100m")]
    [InlineData("256Mi", "256Mi")]
    [InlineData("1G", "1G")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E3", "1e3")]
    [InlineData("12e6", "12e6")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("1000m", "1")]
    [InlineData("1000", "1k")]
    [InlineData("1500", "1500")]
    [InlineData("0", "0")]
    [InlineData("0Mi", "0")]
    [InlineData("1Ki", "1Ki")]
    [InlineData("1536Ki", "1536Ki")]
    [InlineData("2048Ki", "2Mi")]
    [InlineData("0.5Gi", "512Mi")]
    [InlineData("0.5Ki", "512")]
    [InlineData("1023Ki", "1023Ki")]
    [InlineData("1E", "1E")]
    [InlineData("5.5", "5500m")]
    [InlineData(".5", "500m")]
    [InlineData("1.G", "1G")]
    [InlineData("+1", "1")]
    [InlineData("-250m", "-250m")]
    [InlineData("-1Gi", "-1Gi")]
    [InlineData("100u", "100u")]
    [InlineData("1.1n", "2n")]
    [InlineData("0.1n", "1n")]
    [InlineData("1e-12", "1e-9")]
    [InlineData("0.000001", "1u")]
    public void Parse_KubernetesExamples_PrintsCanonicalForm(string text, string canonical)
    {
        var quantity = Quantity.Parse(text);

        Assert.Equal(canonical, quantity.ToString());
        Assert.Equal(quantity, Quantity.Parse(canonical));
    }

    [Theory]
    [InlineData("1.2.3", FormatRule)]
    [InlineData("abc", FormatRule)]
    [InlineData("1Kb", FormatRule)]
    [InlineData("", FormatRule)]
    [InlineData(" 1", FormatRule)]
    [InlineData("1 ", FormatRule)]
    [InlineData("1\n", FormatRule)]
    [InlineData("1K", "unable to parse quantity's suffix")]
    [InlineData("1e", "unable to parse quantity's suffix")]
    [InlineData("1ki", "unable to parse quantity's suffix")]
    public void Parse_Invalid_ThrowsFormatExceptionQuotingTheInput(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Quantity.Parse(text));

        Assert.Equal($"invalid quantity \"{text}\": {reason}", ex.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_ReturnsFalseAndZero(string? text)
    {
        Assert.False(Quantity.TryParse(text, out var quantity));
        Assert.Equal(Quantity.Zero, quantity);
    }

    [Fact]
    public void ImplicitConversion_InvalidText_Throws()
    {
        Assert.Throws<FormatException>(() =>
        {
            Quantity q = "nope";
            return q;
        });
    }

    [Theory]
    [InlineData("1Gi", "512Mi", "1536Mi")]
    [InlineData("500m", "500m", "1")]
    [InlineData("1", "250m", "1250m")]
    [InlineData("0", "1Gi", "1Gi")]
    [InlineData("1G", "1Gi", "2073741824")]
    public void Add_TwoQuantities_SumsInTheLeftFormatOrTheRightWhenLeftIsZero(string left, string right, string expected)
    {
        Assert.Equal(expected, (Quantity.Parse(left) + Quantity.Parse(right)).ToString());
    }

    [Fact]
    public void Add_FromZero_KeepsBinaryFormatOfMemory()
    {
        var total = Quantity.Zero;
        foreach (var memory in new[] { "256Mi", "256Mi", "512Mi" })
        {
            total += Quantity.Parse(memory);
        }

        Assert.Equal("1Gi", total.ToString());
    }

    [Theory]
    [InlineData("1", "250m", "750m")]
    [InlineData("1Gi", "512Mi", "512Mi")]
    [InlineData("250m", "1", "-750m")]
    [InlineData("0", "1Gi", "-1Gi")]
    public void Subtract_TwoQuantities_ReturnsDifference(string left, string right, string expected)
    {
        Assert.Equal(expected, (Quantity.Parse(left) - Quantity.Parse(right)).ToString());
    }

    [Fact]
    public void Negate_Quantity_FlipsSignAndKeepsFormat()
    {
        Assert.Equal("-512Mi", (-Quantity.Parse("512Mi")).ToString());
    }

    [Theory]
    [InlineData("1Gi", "1073741824", 0)]
    [InlineData("1000m", "1", 0)]
    [InlineData("1e3", "1k", 0)]
    [InlineData("1Gi", "1G", 1)]
    [InlineData("999m", "1", -1)]
    [InlineData("-1", "0", -1)]
    public void CompareTo_DifferentNotations_ComparesAmounts(string left, string right, int sign)
    {
        var a = Quantity.Parse(left);
        var b = Quantity.Parse(right);

        Assert.Equal(sign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(sign == 0, a == b);
        Assert.Equal(sign != 0, a != b);
        Assert.Equal(sign < 0, a < b);
        Assert.Equal(sign > 0, a > b);
        Assert.Equal(sign <= 0, a <= b);
        Assert.Equal(sign >= 0, a >= b);
        if (sign == 0)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.True(a.Equals((object)b));
        }
    }

    [Theory]
    [InlineData("1.5", 1500, 2)]
    [InlineData("250m", 250, 1)]
    [InlineData("1n", 1, 1)]
    [InlineData("2", 2000, 2)]
    [InlineData("1Ki", 1024000, 1024)]
    public void MilliValueAndIntegerValue_RoundUp(string text, long milli, long integer)
    {
        var quantity = Quantity.Parse(text);

        Assert.Equal(milli, quantity.MilliValue);
        Assert.Equal(integer, quantity.IntegerValue);
    }

    [Fact]
    public void Value_ParsedWithSuffix_IsNormalizedBaseUnits()
    {
        Assert.Equal("1.5", Quantity.Parse("1500m").Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1073741824", Quantity.Parse("1Gi").Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Factories_PrintInTheirFormats()
    {
        Assert.Equal("250m", Quantity.FromMilli(250).ToString());
        Assert.Equal("4", Quantity.FromDecimal(4).ToString());
        Assert.Equal("1Gi", Quantity.FromBytes(1L << 30).ToString());
        Assert.Equal("1k", Quantity.FromBytes(1000).ToString()); // below 1024 a binary amount prints as decimal, as Kubernetes'
        Assert.Equal("0", default(Quantity).ToString());
    }

    [Fact]
    public void Json_RoundTrip_UsesKubernetesString()
    {
        var list = new ResourceList { Cpu = Quantity.Parse("1.5"), Memory = Quantity.Parse("1024Mi") };

        var json = JsonSerializer.Serialize(list);
        var back = JsonSerializer.Deserialize<ResourceList>(json);

        Assert.Equal("{\"Cpu\":\"1500m\",\"Memory\":\"1Gi\"}", json);
        Assert.Equal(list, back);
    }
}
