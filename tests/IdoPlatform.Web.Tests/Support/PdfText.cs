using UglyToad.PdfPig;

namespace IdoPlatform.Web.Tests.Support;

/// <summary>The text of a PDF the browser printed, read with PdfPig (words joined by single spaces), and its page count.</summary>
public static class PdfText
{
    public static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text));
        return (document.NumberOfPages, text);
    }
}
