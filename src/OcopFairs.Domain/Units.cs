namespace OcopFairs.Domain;

/// <summary>Quantity units: canonical codes, Vietnamese spellings, and conversion of weights to kg and volumes to litres.</summary>
public static class Units
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["g"] = "g", ["gam"] = "g", ["gram"] = "g",
        ["kg"] = "kg", ["ki-lô-gam"] = "kg", ["cân"] = "kg",
        ["yen"] = "yen", ["yến"] = "yen",
        ["ta"] = "ta", ["tạ"] = "ta",
        ["tan"] = "tan", ["tấn"] = "tan", ["t"] = "tan",
        ["ml"] = "ml",
        ["l"] = "l", ["lit"] = "l", ["lít"] = "l",
        ["box"] = "box", ["hộp"] = "box", ["hop"] = "box",
        ["bottle"] = "bottle", ["chai"] = "bottle",
        ["pack"] = "pack", ["gói"] = "pack", ["goi"] = "pack",
        ["piece"] = "piece", ["cái"] = "piece", ["cai"] = "piece", ["quả"] = "piece",
        ["head"] = "head", ["con"] = "head",
    };

    private static readonly Dictionary<string, (decimal Factor, string Base)> ToBaseUnit = new(StringComparer.Ordinal)
    {
        ["g"] = (0.001m, "kg"),
        ["kg"] = (1m, "kg"),
        ["yen"] = (10m, "kg"),
        ["ta"] = (100m, "kg"),
        ["tan"] = (1000m, "kg"),
        ["ml"] = (0.001m, "l"),
        ["l"] = (1m, "l"),
    };

    public static IReadOnlyCollection<string> Codes { get; } = Aliases.Values.Distinct().ToArray();

    /// <summary>The canonical code for a unit written either way ("tạ" → "ta"), or null when unknown.</summary>
    public static string? Canonical(string? unit) =>
        unit is not null && Aliases.TryGetValue(VietnameseText.Normalize(unit), out var code) ? code : null;

    /// <summary>The amount in kg for weights or litres for volumes; null for counted units (boxes, bottles …).</summary>
    public static (decimal Amount, string Unit)? ToBase(decimal amount, string unit) =>
        Canonical(unit) is { } code && ToBaseUnit.TryGetValue(code, out var b) ? (amount * b.Factor, b.Base) : null;
}
