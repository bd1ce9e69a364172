using System.Text;
using IdoPlatform.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IdoPlatform.BuildingBlocks.Tests.Web;

public class JsonRequestTests
{
    public sealed record Sample(string Name, int Count, string? Note = null);

    internal static HttpContext Request(string body, string contentType = "application/json") =>
        Request(Encoding.UTF8.GetBytes(body), contentType);

    private static HttpContext Request(byte[] body, string contentType = "application/json")
    {
        var services = new ServiceCollection();
        services.Configure<HttpJsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        http.Request.ContentType = contentType;
        http.Request.Body = new MemoryStream(body);
        return http;
    }

    [Fact]
    public async Task A_body_that_binds_strictly_has_no_errors()
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(Request("""{ "name": "a", "count": 2 }"""));
        Assert.Null(problem);
        Assert.Empty(request!.Errors);
        Assert.Equal(new Sample("a", 2), request.Value);
    }

    [Fact]
    public async Task Structural_errors_come_with_the_body_read_leniently_for_the_rules()
    {
        var (request, _) = await JsonRequest.ReadAsync<Sample>(Request("""{ "count": 3, "colour": "red" }"""));
        Assert.Equal(["colour", "name"], request!.Errors.Select(e => e.Name).Order());
        Assert.Equal(3, request.Value!.Count);

        var merged = request.Merge([new InvalidParam("name", InvalidParamCodes.Invalid, "rule"), new InvalidParam("count", InvalidParamCodes.Invalid, "rule")]);
        Assert.Equal(["colour", "count", "name"], merged.Select(e => e.Name).Order());
        Assert.Equal(InvalidParamCodes.Required, merged.Single(e => e.Name == "name").Code);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_leaves_no_value_for_the_rules()
    {
        var (request, _) = await JsonRequest.ReadAsync<Sample>(Request("""{ "name": "a", "count": "many" }"""));
        Assert.Equal(["count"], request!.Errors.Select(e => e.Name));
        Assert.Null(request.Value);
    }

    [Theory]
    [InlineData("""{ "name": "a", "count": 2 }""", "text/plain", StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("""{ "name": "a", """, "application/json", StatusCodes.Status400BadRequest)]
    [InlineData("""[1, 2]""", "application/json", StatusCodes.Status400BadRequest)]
    public async Task What_is_no_json_object_is_a_problem_at_once(string body, string contentType, int status)
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(Request(body, contentType));
        Assert.Null(request);
        Assert.Equal(status, problem!.StatusCode);
    }

    [Fact]
    public async Task A_nul_character_in_a_string_is_named_and_no_rule_gets_to_see_it()
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(Request("""{ "name": "a\u0000b", "count": 2 }"""));
        Assert.Null(problem);
        var error = Assert.Single(request!.Errors);
        Assert.Equal(("name", InvalidParamCodes.Invalid, "Mag geen stuurtekens bevatten."), (error.Name, error.Code, error.Reason));
        Assert.Null(request.Value); // a rule might look the text up in the database
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_string_is_named()
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(Request("""{ "name": "a\udfffb", "count": 2 }"""));
        Assert.Null(problem);
        Assert.Equal(["name"], request!.Errors.Select(e => e.Name));
    }

    public static TheoryData<byte[]> BadPropertyNames => new()
    {
        "{\"name\":\"a\",\"count\":2,\""u8.ToArray().Concat(new byte[] { 0xFF }).Concat("\":1}"u8.ToArray()).ToArray(),
        """{ "name": "a", "count": 2, "\ud800": 1 }"""u8.ToArray(),
        """{ "name": "a", "count": "x", "\udfff": 1 }"""u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(BadPropertyNames))]
    public async Task A_property_name_that_is_no_valid_text_makes_the_body_malformed(byte[] body)
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(Request(body));
        Assert.Null(request);
        Assert.Equal(StatusCodes.Status400BadRequest, problem!.StatusCode);
        Assert.StartsWith("De inhoud is geen geldige JSON", problem.Problem.Detail);
    }

    [Fact]
    public async Task A_property_name_that_is_no_valid_text_is_pointed_at()
    {
        var (_, problem) = await JsonRequest.ReadAsync<Sample>(Request("{ \"name\": \"a\",\n  \"\\ud800\": 1 }"));
        Assert.Equal("De inhoud is geen geldige JSON (regel 2, positie 3).", problem!.Problem.Detail);
    }

    [Fact]
    public async Task A_duplicated_property_is_malformed_even_beside_a_wrong_type()
    {
        var (request, problem) = await JsonRequest.ReadAsync<Sample>(Request("""{ "name": "a", "count": "x", "count": 2 }"""));
        Assert.Null(request);
        Assert.Equal(StatusCodes.Status400BadRequest, problem!.StatusCode);
    }
}
