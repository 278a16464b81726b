namespace KalshiArb.Exchange.Tests;
