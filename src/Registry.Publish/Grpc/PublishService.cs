namespace Registry.Publish.Grpc;

/// <summary>
/// The write API. Publishing, validation, edits and status changes arrive with the publishing issue; until then
/// every RPC answers UNIMPLEMENTED (501 over REST) from the generated base class.
/// </summary>
public sealed class PublishService : Contracts.V0.Publish.PublishBase;
