using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Offers.Http;

public static class Appends
{
    /// <summary>Who appends (the account id, never personal data) and the trace it belongs to.</summary>
    public static AppendContext Context(HttpContext http, CurrentAccount account) =>
        new(account.AccountId, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
}
