using System.Collections;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Collects every invalid field of a request so the client hears about all of them at once.
/// <code>
/// var v = new Validator();
/// v.Required("locationId", request.LocationId);
/// v.MaxLength("note", request.Note, 200);
/// for (var i = 0; i &lt; request.Questions.Count; i++)
///     v.At("questions", i).Required("topic", request.Questions[i].Topic);
/// if (v.HasErrors) return v.Problem();
/// </code>
/// Each check returns whether the value passed, so a caller can skip checks that need a valid value.</summary>
public sealed class Validator
{
    private readonly List<InvalidParam> _errors;
    private readonly string _prefix;

    public Validator() : this([], "") { }

    private Validator(List<InvalidParam> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    public bool HasErrors => _errors.Count > 0;
    public IReadOnlyList<InvalidParam> Errors => _errors;

    /// <summary>A validator for a nested object; its errors land in this one, named <c>name.field</c>.</summary>
    public Validator At(string name) => new(_errors, Path(name));

    /// <summary>A validator for one element of a list, named <c>name[index].field</c>.</summary>
    public Validator At(string name, int index) => new(_errors, $"{Path(name)}[{index}]");

    /// <summary>Records an error unconditionally.</summary>
    public Validator Add(string name, string code, string reason)
    {
        _errors.Add(new InvalidParam(Path(name), code, reason));
        return this;
    }

    /// <summary>Records an error when <paramref name="condition"/> is false.</summary>
    public bool Check(bool condition, string name, string code, string reason)
    {
        if (!condition) Add(name, code, reason);
        return condition;
    }

    /// <summary>Present: not null, not blank text, not an empty UUID, not an empty list.</summary>
    public bool Required(string name, object? value) => Check(value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        Guid id => id != Guid.Empty,
        ICollection collection => collection.Count > 0,
        _ => true,
    }, name, InvalidParamCodes.Required, "Verplicht veld.");

    public bool MaxLength(string name, string? value, int max) =>
        Check(value is null || value.Length <= max, name, InvalidParamCodes.TooLong, $"Maximaal {max} tekens.");

    public bool MinLength(string name, string? value, int min) =>
        Check(value is null || value.Length >= min, name, InvalidParamCodes.TooShort, $"Minimaal {min} tekens.");

    public bool MaxCount<T>(string name, IReadOnlyCollection<T>? values, int max) =>
        Check(values is null || values.Count <= max, name, InvalidParamCodes.TooLong, $"Maximaal {max} elementen.");

    public bool Range<T>(string name, T? value, T min, T max) where T : struct, IComparable<T> =>
        Check(value is null || (value.Value.CompareTo(min) >= 0 && value.Value.CompareTo(max) <= 0),
            name, InvalidParamCodes.OutOfRange, $"Moet tussen {min} en {max} liggen.");

    /// <summary>A date within <see cref="ApiDates"/>' years.</summary>
    public bool Date(string name, DateOnly? value) =>
        Check(value is not { } day || ApiDates.InRange(day), name, InvalidParamCodes.OutOfRange, ApiDates.Reason);

    /// <summary>One of a code list (topics, agency codes...), compared exactly.</summary>
    public bool OneOf(string name, string? value, IReadOnlyCollection<string> allowed) =>
        Check(value is null || allowed.Contains(value), name, InvalidParamCodes.NotAllowed,
            allowed.Count <= 20
                ? $"Onbekende waarde '{value}'; toegestaan: {string.Join(", ", allowed)}."
                : $"Onbekende waarde '{value}'.");

    /// <summary>No value occurs twice (e.g. the same topic twice in one visit).</summary>
    public bool Distinct<T>(string name, IEnumerable<T>? values)
    {
        if (values is null) return true;
        var list = values.ToList();
        return Check(list.Distinct().Count() == list.Count, name, InvalidParamCodes.Duplicate, "Bevat dubbele waarden.");
    }

    /// <summary>The 400 problem listing every error collected.</summary>
    public ProblemResult Problem(string? detail = null) => Problems.Validation(_errors, detail);

    /// <summary>For code that cannot return a result: throws <see cref="InvalidInputException"/> when
    /// there are errors, which the pipeline turns into the same 400.</summary>
    public void ThrowIfInvalid(string? detail = null)
    {
        if (HasErrors) throw new InvalidInputException(_errors, detail);
    }

    private string Path(string name) => _prefix.Length == 0 ? name : name.Length == 0 ? _prefix : $"{_prefix}.{name}";
}
