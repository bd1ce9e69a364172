using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Documents what our middleware does for every operation, so the document passes the NL
/// GOV linter: API-Version on each 2xx/3xx response, problem+json on each 4xx/5xx, the 400 every
/// operation can give, 401/403 and the bearer requirement unless anonymous, 404 where the path has
/// parameters, and the page/pageSize, cursor and Idempotency-Key parameters of the helpers.</summary>
internal sealed class ApiConventionsOperationFilter(ServiceDescription service) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        // What needs a token at the gateway is documented so, even where the service itself lets its own callers in without;
        // any role's token will do there, so such an operation has no 403.
        var tokenAtGateway = metadata.OfType<TokenAtGatewayMetadata>().Any();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() && !tokenAtGateway;
        var parameterTypes = context.MethodInfo?.GetParameters().Select(p => p.ParameterType).ToList() ?? [];
        var paged = parameterTypes.Contains(typeof(PageRequest));
        var keyset = parameterTypes.Contains(typeof(KeysetPageRequest));
        operation.Responses ??= [];
        operation.Parameters ??= [];

        if (paged) AddPagingParameters(operation);
        if (keyset) AddKeysetParameters(operation);
        if (metadata.OfType<IdempotentEndpointMetadata>().Any())
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ApiHeaders.IdempotencyKey,
                In = ParameterLocation.Header,
                Description = "Maakt het verzoek veilig om te herhalen: dezelfde sleutel geeft het eerste antwoord opnieuw.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });

        if (metadata.OfType<IfMatchEndpointMetadata>().FirstOrDefault() is { } ifMatch)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfMatch,
                In = ParameterLocation.Header,
                Required = ifMatch.Required,
                Description = "De ETag van de versie die u wijzigt (uit de vorige GET): is de resource intussen gewijzigd, dan volgt 412.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            AddProblem(operation, "412", "De resource is intussen gewijzigd: haal hem opnieuw op.");
            if (ifMatch.Required) AddProblem(operation, "428", "If-Match ontbreekt.");
        }

        AddProblem(operation, "400", "Ongeldige invoer: invalidParams noemt elk fout veld.");
        if (!anonymous)
        {
            AddProblem(operation, "401", "Niet aangemeld of token ongeldig.");
            if (!tokenAtGateway) AddProblem(operation, "403", "Geen toegang met deze rol.");
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [] }];
        }
        if (context.ApiDescription.RelativePath?.Contains('{') == true)
            AddProblem(operation, "404", "Niet gevonden.");
        AddProblem(operation, "406", "Accept sluit application/json uit.");
        AddProblem(operation, "500", "Interne fout.");

        var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete) continue;
            if (status.StartsWith('4') || status.StartsWith('5'))
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemWriter.ContentType] = new() { Schema = problem },
                };
            else
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[ApiHeaders.ApiVersion] = ApiVersionHeader();
                if (paged && status == "200") AddPagingHeaders(concrete);
                if (keyset && status == "200") AddKeysetHeaders(concrete);
            }
        }
    }

    private IOpenApiHeader ApiVersionHeader() => new OpenApiHeader
    {
        Description = "De volledige versie van de API (SemVer).",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create(service.Version),
    };

    private static void AddProblem(OpenApiOperation operation, string status, string description)
    {
        if (!operation.Responses!.ContainsKey(status))
            operation.Responses[status] = new OpenApiResponse { Description = description };
    }

    private static void AddPagingParameters(OpenApiOperation operation)
    {
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = "page", In = ParameterLocation.Query, Description = "Paginanummer, vanaf 1.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Default = JsonValue.Create(1) },
        });
        operation.Parameters.Add(PageSizeParameter());
    }

    private static OpenApiParameter PageSizeParameter() => new()
    {
        Name = "pageSize", In = ParameterLocation.Query, Description = $"Aantal per pagina, hoogstens {PageRequest.MaxPageSize}.",
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = PageRequest.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = JsonValue.Create(PageRequest.DefaultPageSize),
        },
    };

    private static void AddKeysetParameters(OpenApiOperation operation)
    {
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = KeysetPageRequest.CursorParameter, In = ParameterLocation.Query,
            Description = "Waar de vorige pagina ophield: neem de next-link van die pagina over (de waarde is ondoorzichtig). " +
                "Zonder cursor de eerste pagina.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 },
        });
        operation.Parameters.Add(PageSizeParameter());
    }

    private static void AddKeysetHeaders(OpenApiResponse response) =>
        response.Headers![HeaderNames.Link] = new OpenApiHeader
        {
            Description = "Links naar de eerste en (als die er is) de volgende pagina (RFC 8288). Er wordt geen totaal geteld.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };

    private static void AddPagingHeaders(OpenApiResponse response)
    {
        response.Headers![HeaderNames.Link] = new OpenApiHeader
        {
            Description = "Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        response.Headers[ApiHeaders.TotalCount] = new OpenApiHeader
        {
            Description = "Totaal aantal resultaten.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        };
    }
}
