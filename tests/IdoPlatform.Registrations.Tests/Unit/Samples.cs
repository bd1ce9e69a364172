using IdoPlatform.Registrations.CodeLists;
using IdoPlatform.BuildingBlocks.Hosting;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Locations;
using Microsoft.Extensions.Configuration;

namespace IdoPlatform.Registrations.Tests.Unit;

/// <summary>The real seeds and a valid visit to spoil one field at a time.</summary>
internal static class Samples
{
    public static readonly CodeListCatalogue Codes = CodeListFiles.Load(RepositoryPaths.SeedsFolder(new ConfigurationBuilder().Build()));

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static readonly Guid OrganisationId = Guid.Parse("5a1d0000-0000-4000-8000-000000000001");

    public static KnownLocation Location(string id = "loc-utrecht-centrum", bool hasIdo = true, DateOnly? closedOn = null,
        DateOnly? idoOpenedOn = null) =>
        new(id, OrganisationId, "Bibliotheek Utrecht Centrum", "GM0344", "Utrecht", "Utrecht", hasIdo, idoOpenedOn, closedOn);

    public static QuestionInput Question(string topic = "toeslagen", params string[] helpGiven) =>
        new(topic, "digital-government", "10-20", helpGiven.Length == 0 ? ["explained"] : helpGiven, Organisation: "toeslagen");

    public static QuestionInput Referred(string to = "schuldhulpverlening", string method = "warm-handover") =>
        new("belastingen", "digital-government", "20-30", ["explained", "referred"], "belastingdienst", to, method);

    public static VisitInput Input(
        string? locationId = "loc-utrecht-centrum",
        DateTimeOffset? occurredAt = null,
        string? channel = "in-person",
        IReadOnlyList<QuestionInput?>? questions = null,
        string? referralCode = null,
        string? note = null) =>
        new(locationId, occurredAt, channel, questions ?? [Question()], referralCode, note);

    public static VisitRulesContext Context(KnownLocation? location = null, Visit? previous = null, DateTimeOffset? now = null) =>
        new(Codes, location ?? Location(), now ?? Now, previous);
}
