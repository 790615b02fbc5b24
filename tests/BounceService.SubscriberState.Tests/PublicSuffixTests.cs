using System.Text.RegularExpressions;
using BounceService.SubscriberState.Domains;

namespace BounceService.SubscriberState.Tests;

public sealed partial class PublicSuffixTests
{
    [GeneratedRegex(@"^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);")]
    private static partial Regex Vector();

    public static TheoryData<string?, string?> Vectors()
    {
        var data = new TheoryData<string?, string?>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "test_psl.txt")))
        {
            if (Vector().Match(line) is not { Success: true } m) continue;
            static string? Value(string s) => s == "null" ? null : s[1..^1];
            data.Add(Value(m.Groups[1].Value), Value(m.Groups[2].Value));
        }
        return data;
    }

    [Fact]
    public void Test_vectors_are_all_read() => Assert.Equal(78, Vectors().Count);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Registrable_domain_passes_the_lists_own_test_vectors(string? host, string? expected) =>
        Assert.Equal(expected, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("someone@mail.example.co.uk", "example.co.uk")]
    [InlineData("someone@shop.example.com.au", "example.com.au")]
    [InlineData("someone@Mail.Example.COM", "example.com")]
    [InlineData("someone@食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("someone@co.uk", "co.uk")]
    [InlineData("no-domain", null)]
    public void Email_domain_is_its_registrable_domain_in_ascii(string email, string? expected) =>
        Assert.Equal(expected, RegistrableDomain.OfEmail(email));
}
