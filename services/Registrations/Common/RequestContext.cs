using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Registrations.Common;

public static class RequestContext
{
    /// <summary>Who appends (the account id, shown in the history) and the trace it belongs to.</summary>
    public static AppendContext For(CurrentAccount account, HttpContext http) =>
        new(account.AccountId, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
}
