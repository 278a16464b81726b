namespace KalshiArb.Node.Tests;
