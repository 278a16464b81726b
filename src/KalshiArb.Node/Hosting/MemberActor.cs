using Akka.Actor;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// A top-level actor of another cluster member. The actor registry is per member, so a cross-member ask needs a path: every
/// member starts from the same manifest, and a role's top-level actor has the name its hosting gives it
/// (<c>OrdersHosting.DeskName</c>, <c>OrdersHosting.AdmissionName</c>) on every member with that role.
/// </summary>
public static class MemberActor
{
    public static ActorSelection On(ActorSystem system, Address member, string topLevelName) =>
        system.ActorSelection(new RootActorPath(member) / "user" / topLevelName);
}
