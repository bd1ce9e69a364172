using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("IdoPlatform.BuildingBlocks.Messaging.Tests")]
