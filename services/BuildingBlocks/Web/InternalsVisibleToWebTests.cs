using System.Runtime.CompilerServices;

// The Web tests reach the idempotency store's test hook.
[assembly: InternalsVisibleTo("IdoPlatform.BuildingBlocks.Web.Tests")]
