using KalshiArb.Node.Dashboard;

namespace KalshiArb.Node.Tests.Dashboard;

public sealed class DashboardKeysSpec
{
    [Theory]
    [InlineData('h', DashboardPrompt.ConfirmHalt)]
    [InlineData('H', DashboardPrompt.ConfirmHalt)]
    [InlineData('r', DashboardPrompt.ConfirmResume)]
    public void H_and_R_only_ask(char key, DashboardPrompt asked)
    {
        Assert.Equal((asked, DashboardAction.None), DashboardKeys.Press(DashboardPrompt.None, key));
    }

    [Theory]
    [InlineData(DashboardPrompt.ConfirmHalt, DashboardAction.Halt)]
    [InlineData(DashboardPrompt.ConfirmResume, DashboardAction.Resume)]
    public void Y_confirms_the_question_on_screen(DashboardPrompt prompt, DashboardAction done)
    {
        Assert.Equal((DashboardPrompt.None, done), DashboardKeys.Press(prompt, 'y'));
        Assert.Equal((DashboardPrompt.None, done), DashboardKeys.Press(prompt, 'Y'));
    }

    [Theory]
    [InlineData('n')]
    [InlineData('h')]
    [InlineData('q')]
    [InlineData('\u001b')]
    public void Any_other_key_withdraws_the_question_without_acting(char key)
    {
        Assert.Equal((DashboardPrompt.None, DashboardAction.None), DashboardKeys.Press(DashboardPrompt.ConfirmHalt, key));
    }

    [Fact]
    public void Y_without_a_question_does_nothing_and_Q_quits()
    {
        Assert.Equal((DashboardPrompt.None, DashboardAction.None), DashboardKeys.Press(DashboardPrompt.None, 'y'));
        Assert.Equal((DashboardPrompt.None, DashboardAction.Quit), DashboardKeys.Press(DashboardPrompt.None, 'q'));
    }
}
