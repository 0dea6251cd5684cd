# Issue 17 item 4: Ctrl+C in a -ThrottleLimit 32 run loses no result. A real pwsh process gets a
# real SIGINT while creates are in flight (some held by a latency fault, the rest done but queued
# behind them for in-order output); every config that then exists must be in its output or named
# in its warning.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-ComposioEmulator
}

AfterAll {
    Disconnect-Composio
    $emulator | Stop-ComposioEmulator
}

Describe 'Ctrl+C with -ThrottleLimit 32' {
    It 'every config created is written out or named (by id when known) in the warning' -Skip:($IsWindows) {
        Add-ComposioEmulatorFault $emulator -Rule @(@{ method = 'POST'; path = '/api/v3.1/auth_configs'; kind = 'latency'; delay_ms = 4000; probability = 0.3; seed = 7 })
        $script = "Import-Module '$ModuleManifest'; Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' -SkipCheck; " +
            "1..40 | ForEach-Object { [pscustomobject]@{ Name = 'stop-' + `$_ } } | New-ComposioAuthConfig -Toolkit github -ThrottleLimit 32 | ForEach-Object { 'CREATED ' + `$_.Id }"
        $psi = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        $arguments = @('-NoProfile', '-NonInteractive', '-Command', $script)
        if ([IO.Path]::GetFileNameWithoutExtension($psi.FileName) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
        foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true; $psi.RedirectStandardInput = $true; $psi.UseShellExecute = $false
        $child = [Diagnostics.Process]::Start($psi)
        try {
            $child.StandardInput.Close()
            $out = $child.StandardOutput.ReadToEndAsync(); $err = $child.StandardError.ReadToEndAsync()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do { Start-Sleep -Milliseconds 50; $posts = @((Get-ComposioEmulatorRequest $emulator) | ForEach-Object { $_ } | Where-Object method -eq 'POST') }
            while ($posts.Count -lt 32 -and [DateTime]::UtcNow -lt $deadline)
            Start-Sleep -Milliseconds 300 # Let the fast ones finish behind the held ones.
            & /bin/kill -INT $child.Id
            $child.WaitForExit(20000) | Should -BeTrue
            $text = $out.Result + $err.Result
        }
        finally { if (-not $child.HasExited) { $child.Kill() } }

        Connect-Composio -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force) -BaseUri $emulator.BaseUri -SkipCheck
        $made = @(Get-ComposioAuthConfig -Toolkit github)
        # The stop really cut the run short, with results done but not yet written.
        $made.Count | Should -BeGreaterThan 0
        $made.Count | Should -BeLessThan 40
        $text | Should -Match 'was stopped after sending'
        $written = [regex]::Matches($text, 'CREATED (ac_\w+)') | ForEach-Object { $_.Groups[1].Value }
        foreach ($config in $made) {
            $named = $written -contains $config.Id -or $text -match "$([regex]::Escape($config.Name))[^,]*\($([regex]::Escape($config.Id))\)"
            $named | Should -BeTrue -Because "$($config.Name) ($($config.Id)) was created"
        }
        # Items still in flight are named too, by name (their outcome is unknown).
        $sentNames = 1..40 | ForEach-Object { "stop-$_" } | Where-Object { $n = $_; -not ($made | Where-Object Name -eq $n) }
        foreach ($name in $sentNames | Select-Object -First 3) { $text | Should -Match "\b$([regex]::Escape($name))\b" }
    }
}
