using System.Globalization;
using OcopFairs.Server.Deals;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>Every code the deals answer has a Vietnamese and an English text.</summary>
public sealed class DealTextsTests
{
    private static readonly CultureInfo Vi = new("vi"), En = new("en");

    /// <summary>The codes written in the Domain's deal rules and the deals' endpoints, read from their source.</summary>
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in AllCodes()) data.Add(code);
        return data;
    }

    private static IEnumerable<string> AllCodes()
    {
        var root = Tests.Infrastructure.ServerProcess.RepositoryRoot;
        var sources = new[] { "src/OcopFairs.Domain/DealRules.cs", "src/OcopFairs.Grains/DealGrain.cs", "src/OcopFairs.Server/Deals/DealsApi.cs" }
            .Select(f => File.ReadAllText(Path.Combine(root, f)));
        var codes = sources.SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, "\"((?:deal\\.)?[a-z][A-Za-z]+(?:\\.[a-z][A-Za-z]+)?)\"").Select(m => m.Groups[1].Value))
            .Where(c => c.StartsWith("deal.", StringComparison.Ordinal) || DealTexts.All.ContainsKey(c)
                || c is "outOfRange" or "unknownUnit" or "required" or "tooMany" or "invalidId" or "invalidGroup" or "endsBeforeStart" or "invalidValue" or "tooLong" or "controlCharacter")
            .Distinct().Order(StringComparer.Ordinal);
        return codes;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_reads_in_both_languages(string code)
    {
        Assert.NotEqual(code, ErrorText.Get(code, Vi));
        Assert.NotEqual(code, ErrorText.Get(code, En));
        Assert.NotEqual(ErrorText.Get(code, Vi), ErrorText.Get(code, En));
    }

    [Fact]
    public void The_refusals_the_rules_and_the_grain_give_are_all_found()
    {
        var codes = AllCodes().ToHashSet();
        Assert.Subset(codes, new HashSet<string> { "deal.notFound", "deal.versionChanged", "deal.alreadySigned", "deal.cancelled", "deal.signed", "deal.unknownProduct", "wholeVnd" });
    }
}
