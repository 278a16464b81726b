using KalshiArb.Actors.Serialization;

namespace KalshiArb.Actors.Risk;

/// <summary>Manifests of the risk gate's persisted events, snapshot and (future remote) messages.</summary>
public static class RiskMessages
{
    public static void Register(ManifestRegistry r)
    {
        r.Register<ReservationRecorded>("risk-reservation-recorded.v1");
        r.Register<RiskFillRecorded>("risk-fill-recorded.v1");
        r.Register<ReservationReleased>("risk-reservation-released.v1");
        r.Register<SettlementRecorded>("risk-settlement-recorded.v1");
        r.Register<KillSwitchRecorded>("risk-kill-switch-recorded.v1");
        r.Register<VenueStateRecorded>("risk-venue-state-recorded.v1");
        r.Register<RiskGateSnapshot>("risk-gate-snapshot.v1");

        r.Register<Reserve>("risk-reserve.v1");
        r.Register<ReservationApproved>("risk-reservation-approved.v1");
        r.Register<ReservationDenied>("risk-reservation-denied.v1");
        r.Register<RiskGateUnavailable>("risk-gate-unavailable.v1");
        r.Register<RiskGateOutage>("risk-gate-outage.v1");
        r.Register<RiskGateStopping>("risk-gate-stopping.v1");
        r.Register<ReportFill>("risk-report-fill.v1");
        r.Register<ReportOrderTerminal>("risk-report-order-terminal.v1");
        r.Register<ReportSettlement>("risk-report-settlement.v1");
        r.Register<HaltTrading>("risk-halt.v1");
        r.Register<EnterReduceOnly>("risk-reduce-only.v1");
        r.Register<ResumeTrading>("risk-resume.v1");
        r.Register<KillSwitchChanged>("risk-kill-switch-changed.v1");
        r.Register<SubscribeKillSwitch>("risk-subscribe-kill-switch.v1");
        r.Register<GetRiskState>("risk-get-state.v1");
        r.Register<RiskStateView>("risk-state.v1");
        r.Register<LoadVenueState>("risk-load-venue-state.v1");
        r.Register<VenueStateLoaded>("risk-venue-state-loaded.v1");
    }
}
