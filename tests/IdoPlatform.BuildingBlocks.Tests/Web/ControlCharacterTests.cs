using System.Text.Json;
using IdoPlatform.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Tests.Web;

/// <summary>Client text may hold no control characters (TAB, LF and CR aside) and no bidirectional overrides or
/// isolates: they are invisible, can reorder what a reader sees, and NUL is more than PostgreSQL can store.</summary>
public class ControlCharacterTests
{
    public sealed record Sample(string Name);

    public static TheoryData<char> Refused => new()
    {
        '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', // C0 but TAB, LF, CR
        '\u007F',                                                                         // DEL
        '\u0080', '\u0085', '\u009F',                                                     // C1
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',                                 // bidi embeddings, overrides
        '\u2066', '\u2067', '\u2068', '\u2069',                                           // bidi isolates
        '\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF',                                           // noncharacters
    };

    public static TheoryData<string> Accepted => new()
    {
        "regel 1\nregel 2", "regel 1\r\nregel 2", "kolom\tkolom",
        "Café, één ëzel, € 12,50 – “prima”", "Straße ğ ñ ø", "مكتبة עברית", "🙂 ½ ™", " ~ ",
        "\u00A0\u00A1\u2029\u2065\u206A\uFDCF\uFDF0\uFFFD", // the neighbours of the refused ranges
        "wo\u200Brd 👩\u200D💻 \uFEFFtekst",              // zero-width space, joiner, no-break space: pasted text, emoji
    };

    private static string Body(string name) => $$"""{ "name": "{{JsonEncodedText.Encode(name, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}}" }""";

    private static string Escaped(char c) => $$"""{ "name": "a\u{{(int)c:X4}}b" }""";

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_serializer_refuses_a_string_with_one(char c)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>(Escaped(c), ApiJson.CreateOptions()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, int>>($$"""{ "a\u{{(int)c:X4}}": 1 }""", ApiJson.CreateOptions()));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_body_with_one_is_a_400_naming_the_field(char c)
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(JsonRequestTests.Request(Escaped(c)));
        Assert.Null(problem);
        var error = Assert.Single(request!.Errors);
        Assert.Equal(("name", InvalidParamCodes.Invalid, "Mag geen stuurtekens bevatten."), (error.Name, error.Code, error.Reason));
        Assert.Null(request.Value);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_query_parameter_with_one_is_named(char c)
    {
        var query = new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["q"] = $"a{c}b", ["fine"] = "ok",
        });
        Assert.Equal(["q"], ControlFreeStringConverter.InQuery(query).Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Ordinary_text_line_breaks_and_tabs_pass(string text)
    {
        Assert.Equal(text, JsonSerializer.Deserialize<Sample>(Body(text), ApiJson.CreateOptions())!.Name);
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(JsonRequestTests.Request(Body(text)));
        Assert.Null(problem);
        Assert.Empty(request!.Errors);
        Assert.Equal(text, request.Value!.Name);
    }
}
