namespace KalshiArb.Actors.Tests;
