using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/benchmarks/LutonCancerSurvey.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
