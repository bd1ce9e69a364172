using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

public static class RequestAppendContext
{
    /// <summary>Who appends (the account id, never personal data; shown in histories) and the W3C trace the request
    /// belongs to, so an event leads to the request's trace. Kestrel's request id only when no trace runs.</summary>
    public static AppendContext For(HttpContext http, CurrentAccount account) =>
        new(account.AccountId, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
}
