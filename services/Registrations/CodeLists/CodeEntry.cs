namespace IdoPlatform.Registrations.CodeLists;

/// <summary>One code of a list, valid from <see cref="ValidFrom"/> through <see cref="ValidTo"/> (both inclusive).</summary>
public sealed record CodeEntry(string Code, string Label, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}
