using Harmonia.Cli;

return HarmoniaCli.Run(args, Console.Out, Console.Error, colors: !Console.IsOutputRedirected);
