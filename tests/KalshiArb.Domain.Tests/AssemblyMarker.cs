namespace KalshiArb.Domain.Tests;
