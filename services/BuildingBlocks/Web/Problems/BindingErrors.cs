using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Minimal APIs stop at the first route/query/header value that does not bind. To name
/// every bad parameter at once, this checks all simple parameters of the endpoint's handler against
/// the request: missing where required, or not parsable as their type.</summary>
internal static partial class BindingErrors
{
    public static IReadOnlyList<InvalidParam> Find(HttpContext http, BadHttpRequestException failure)
    {
        var errors = new List<InvalidParam>();
        var method = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>();
        if (method is not null)
        {
            var routeParameters = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.Parameters
                .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            var services = http.RequestServices.GetService<IServiceProviderIsService>();
            foreach (var parameter in Flatten(method.GetParameters()))
                Check(http, parameter, routeParameters, services, errors);
        }
        if (errors.Count == 0 && FromMessage(failure) is { } single)
            errors.Add(single);
        return errors;
    }

    private sealed record Candidate(string Name, Type Type, bool Optional, ICustomAttributeProvider Attributes);

    // [AsParameters] groups bind their members by the same rules.
    private static IEnumerable<Candidate> Flatten(IEnumerable<ParameterInfo> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var ctor = parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
                if (ctor is { } c && c.GetParameters().Length > 0)
                    foreach (var inner in Flatten(c.GetParameters())) yield return inner;
                else
                    foreach (var property in parameter.ParameterType.GetProperties().Where(p => p.CanWrite))
                        yield return new Candidate(property.Name, property.PropertyType, IsNullable(property), property);
                continue;
            }
            yield return new Candidate(parameter.Name ?? "", parameter.ParameterType,
                parameter.HasDefaultValue || IsNullable(parameter), parameter);
        }
    }

    private static void Check(HttpContext http, Candidate parameter, HashSet<string> routeParameters,
        IServiceProviderIsService? services, List<InvalidParam> errors)
    {
        var (source, name) = SourceOf(parameter, routeParameters);
        if (source is null) return;
        var type = parameter.Type;
        var elementType = type.IsArray ? type.GetElementType()! : type;
        if (!IsSimple(elementType) || (source == "query" && services?.IsService(type) == true)) return;

        StringValues values = source switch
        {
            "route" => http.Request.RouteValues.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : StringValues.Empty,
            "header" => http.Request.Headers[name],
            _ => http.Request.Query[name],
        };

        if (StringValues.IsNullOrEmpty(values))
        {
            if (!parameter.Optional && !type.IsArray)
                errors.Add(new InvalidParam(name, InvalidParamCodes.Required, "Verplichte parameter."));
            return;
        }
        foreach (var value in type.IsArray ? values.ToArray() : [values.ToString()])
            if (!CanParse(value ?? "", Nullable.GetUnderlyingType(elementType) ?? elementType))
            {
                errors.Add(new InvalidParam(name, InvalidParamCodes.Invalid, JsonBodyErrors.ReasonFor(elementType, enumNaming: null)));
                break;
            }
    }

    private static (string? Source, string Name) SourceOf(Candidate parameter, HashSet<string> routeParameters)
    {
        var attributes = parameter.Attributes.GetCustomAttributes(true);
        foreach (var attribute in attributes)
            switch (attribute)
            {
                case FromRouteAttribute route: return ("route", route.Name ?? parameter.Name);
                case FromQueryAttribute query: return ("query", query.Name ?? parameter.Name);
                case FromHeaderAttribute header: return ("header", header.Name ?? parameter.Name);
                case FromBodyAttribute or FromServicesAttribute or FromFormAttribute or FromKeyedServicesAttribute: return (null, "");
            }
        return routeParameters.Contains(parameter.Name) ? ("route", parameter.Name) : ("query", parameter.Name);
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsEnum || FindTryParse(type) is not null;
    }

    private static bool CanParse(string value, Type type)
    {
        if (type == typeof(string)) return true;
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: false, out _); // as minimal APIs bind them
        var tryParse = FindTryParse(type)!;
        var arguments = tryParse.GetParameters().Length == 3
            ? new object?[] { value, CultureInfo.InvariantCulture, null }
            : new object?[] { value, null };
        return (bool)tryParse.Invoke(null, arguments)!;
    }

    private static MethodInfo? FindTryParse(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()])
        ?? type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState != NullabilityState.NotNull);

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).WriteState != NullabilityState.NotNull);

    // Fallback: the framework's message names the parameter as "Type name".
    private static InvalidParam? FromMessage(BadHttpRequestException failure)
    {
        var match = ParameterInMessage().Match(failure.Message);
        if (!match.Success) return null;
        var required = failure.Message.StartsWith("Required", StringComparison.Ordinal);
        return new InvalidParam(match.Groups["name"].Value,
            required ? InvalidParamCodes.Required : InvalidParamCodes.Invalid,
            required ? "Verplichte parameter." : "Ongeldige waarde.");
    }

    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """)]
    private static partial Regex ParameterInMessage();
}
