using KalshiArb.Node.Cli;

return await CommandLineApp.InvokeAsync(args);
