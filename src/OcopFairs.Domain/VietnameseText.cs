using System.Globalization;
using System.Text;

namespace OcopFairs.Domain;

/// <summary>Vietnamese text helpers: storage in NFC, search keys without diacritics or case.</summary>
public static class VietnameseText
{
    /// <summary>Trims and composes to Unicode NFC, the form text is stored in.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Folds text for search: lower case, no combining marks, "đ" → "d", runs of white space collapsed.
    /// "Bưởi Diễn" and "buoi dien" fold to the same key.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(folded);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }
}
