using System.Text;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Schema names in PascalCase with only letters and digits (a <c>$ref</c> must be a valid URI
/// reference): <c>Paged&lt;Note&gt;</c> → <c>NotePaged</c>.</summary>
internal static class SchemaIds
{
    public static string For(Type type)
    {
        var name = new StringBuilder();
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            name.Append(For(argument));
        var own = type.Name.Split('`')[0];
        foreach (var c in own.Where(char.IsAsciiLetterOrDigit)) name.Append(c);
        if (name.Length > 0 && !char.IsAsciiLetterUpper(name[0])) name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }
}
