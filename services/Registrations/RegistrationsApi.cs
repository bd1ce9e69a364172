using IdoPlatform.Registrations.Features.CodeLists;
using IdoPlatform.Registrations.Features.CorrectVisit;
using IdoPlatform.Registrations.Features.EraseNote;
using IdoPlatform.Registrations.Features.GetVisit;
using IdoPlatform.Registrations.Features.ListVisits;
using IdoPlatform.Registrations.Features.RegisterVisit;
using IdoPlatform.Registrations.Features.VisitHistory;
using IdoPlatform.Registrations.Features.VoidVisit;

namespace IdoPlatform.Registrations;

public static class RegistrationsApi
{
    public const string BasePath = "/registrations/v1";
    public const string Tag = "Bezoeken";

    public static string VisitPath(Guid id) => $"{BasePath}/visits/{id}";

    public static RouteGroupBuilder MapRegistrationsApi(this RouteGroupBuilder api)
    {
        RegisterVisitEndpoint.Map(api);
        ListVisitsEndpoint.Map(api);
        GetVisitEndpoint.Map(api);
        CorrectVisitEndpoint.Map(api);
        VoidVisitEndpoint.Map(api);
        VisitHistoryEndpoint.Map(api);
        EraseNoteEndpoint.Map(api);
        CodeListsEndpoint.Map(api);
        return api;
    }
}
