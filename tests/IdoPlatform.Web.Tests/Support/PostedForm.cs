using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Web.Tests.Support;

/// <summary>A posted form for the form readers' unit tests: each field with the values the browser sent for it.</summary>
public static class PostedForm
{
    public static IFormCollection Of(params (string Key, string[] Values)[] fields) =>
        new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Values)));

    public static IFormCollection Of(params (string Key, string Value)[] fields) =>
        Of([.. fields.Select(f => (f.Key, new[] { f.Value }))]);
}
