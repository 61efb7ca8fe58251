using System.Globalization;
using System.Text;

namespace OcopFairs.Domain;

/// <summary>Vietnamese text helpers: storage in NFC, search keys without diacritics or case.</summary>
public static class VietnameseText
{
    /// <summary>Trims and composes to Unicode NFC, the form text is stored in.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : Sanitize(text.Trim()).Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Replaces what Unicode normalization refuses (unpaired surrogates, U+FFFE, U+FFFF) with U+FFFD, so hostile input
    /// is stored or searched as a replacement character instead of failing the request.
    /// </summary>
    public static string Sanitize(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsHighSurrogate(c)
                ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) && c is not ('\uFFFE' or '\uFFFF');
            if (ok && char.IsHighSurrogate(c))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!ok)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
                continue;
            }

            sb?.Append(c);
        }

        return sb?.ToString() ?? text;
    }

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

        var decomposed = Sanitize(text).Normalize(NormalizationForm.FormD);
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
