# Issue 17 item 10: two Sync-ComposioAuthConfig runs of one file against one project at the same
# time (two CI jobs) end with exactly one config per entry, and a third run reports everything
# Unchanged. Two real pwsh processes, with a latency fault on creates so both have listed before
# either has created (the race made certain), and without it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-ComposioEmulator
    $file = Join-Path ([IO.Path]::GetTempPath()) "composio-race-$([guid]::NewGuid().ToString('N').Substring(0, 8)).psd1"
    Set-Content $file @'
@{
    AuthConfigs = @(
        @{ Toolkit = 'github'; Name = 'race-github' }
        @{ Toolkit = 'slack'; Name = 'race-slack'; Enabled = $false }
        @{ Toolkit = 'github'; Name = 'rg' }
    )
}
'@

    # Starts one sync in its own pwsh process; returns the process with its output being read.
    function Start-SyncProcess {
        $script = "Import-Module '$ModuleManifest'; Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' -SkipCheck; " +
            "Sync-ComposioAuthConfig '$file' -Confirm:`$false 3>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.WarningRecord]) { 'WARNING: ' + `$_.Message } else { '{0} {1} {2}' -f `$_.Action, `$_.Name, `$_.Id } }"
        $psi = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        $arguments = @('-NoProfile', '-NonInteractive', '-Command', $script)
        if ([IO.Path]::GetFileNameWithoutExtension($psi.FileName) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
        foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true; $psi.RedirectStandardInput = $true; $psi.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($psi)
        $process.StandardInput.Close()
        [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
    }
    function Wait-SyncProcess($Run) {
        $Run.Process.WaitForExit(120000) | Should -BeTrue
        $Run.Out.Result + $Run.Err.Result
    }
    function Get-Configs { @((Invoke-RestMethod -Uri "$($emulator.BaseUri.TrimEnd('/'))/api/v3.1/auth_configs?show_disabled=true&limit=50" -Headers @{ 'x-api-key' = $emulator.ApiKey }).items) }
}

AfterAll {
    Disconnect-Composio
    Remove-Item $file -Force -ErrorAction SilentlyContinue
    $emulator | Stop-ComposioEmulator
}

Describe 'Two syncs of one file at the same time' {
    BeforeEach { Reset-ComposioEmulator $emulator; Clear-ComposioEmulatorFault $emulator }

    It 'end with exactly one config per entry (<Case>), and a third run is all Unchanged' -ForEach @(
        @{ Case = 'a delay between list and create, so both create'; DelayMs = 2500 }
        @{ Case = 'no injected delay'; DelayMs = 0 }
    ) {
        if ($DelayMs) { Add-ComposioEmulatorFault $emulator -Rule @(@{ method = 'POST'; path = '/api/v3.1/auth_configs'; kind = 'latency'; delay_ms = $DelayMs }) }
        $runs = @(Start-SyncProcess; Start-SyncProcess)
        $outputs = $runs | ForEach-Object { Wait-SyncProcess $_ }
        $runs | ForEach-Object { $_.Process.ExitCode | Should -Be 0 -Because ($outputs -join "`n") }
        Clear-ComposioEmulatorFault $emulator

        $configs = Get-Configs
        foreach ($name in 'race-github', 'race-slack', 'rg') {
            @($configs | Where-Object name -ceq $name).Count | Should -Be 1 -Because "$name`n$($outputs -join "`n")"
        }
        ($configs | Where-Object name -eq 'race-slack').status | Should -Be 'DISABLED'
        if ($DelayMs) {
            # The race really happened: both runs created every entry, and one run removed its copies.
            @((Get-ComposioEmulatorRequest $emulator) | ForEach-Object { $_ } | Where-Object method -eq 'POST' | Where-Object path -like '*/auth_configs').Count | Should -Be 6
            ($outputs -join "`n") | Should -Match 'created by another run at the same time'
        }

        $third = Start-SyncProcess
        $text = Wait-SyncProcess $third
        @($text -split "`n" | Where-Object { $_ -match '^(Create|Update|Enable|Disable|Unchanged|Conflict|Failed) ' } | ForEach-Object { ($_ -split ' ')[0] } | Select-Object -Unique) | Should -Be @('Unchanged') -Because $text
    }
}
