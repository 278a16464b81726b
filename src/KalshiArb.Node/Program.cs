using KalshiArb.Node.Cli;

return await CommandLineApp.Build().Parse(args).InvokeAsync();
