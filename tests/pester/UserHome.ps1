# Fresh users for the install tests: each has a HOME whose path holds a space, and the pwsh
# processes started for it see only that HOME (module path, PSResourceGet and PowerShellGet
# settings, help, caches), never the test runner's own.

function New-TestUserHome([Parameter(Mandatory)] [string] $Name) {
    $dir = Join-Path ([IO.Path]::GetTempPath()) "composio user $Name $([guid]::NewGuid().ToString('N').Substring(0, 6))"
    # NuGet (inside PSResourceGet) writes its settings to the working directory when ~/.config is missing.
    foreach ($sub in '.config', '.cache', '.local/share') { New-Item -ItemType Directory -Force (Join-Path $dir $sub) | Out-Null }
    (Resolve-Path $dir).Path
}

# Where pwsh on Linux and macOS keeps a user's modules.
function Get-UserModulePath([Parameter(Mandatory)] [string] $UserHome) { Join-Path $UserHome '.local/share/powershell/Modules' }

# Connect-Composio with no parameters reads these, as a user's profile would set them.
function Get-EmulatorEnvironment([Parameter(Mandatory)] $Emulator) {
    @{ COMPOSIO_API_KEY = $Emulator.ApiKey; COMPOSIO_BASE_URL = $Emulator.BaseUri }
}

# Runs a script in a new pwsh as that user; returns its exit code, output lines and error text.
# Throws on a non-zero exit unless -AllowFailure, with everything the script printed.
# -ModuleHost: in the PowerShell that hosts the module under test (`build.ps1 Test -TestHost`, e.g.
# Windows PowerShell 5.1; else a pwsh like this one), so the script must also be valid 5.1.
function Invoke-UserPwsh {
    param(
        [Parameter(Mandatory)] [string] $UserHome,
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [switch] $AllowFailure,
        [switch] $ModuleHost
    )
    $prelude = "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'; if (Get-Variable PSStyle -ErrorAction Ignore) { `$PSStyle.OutputRendering = 'PlainText' }`n"
    $exe = if ($ModuleHost -and $env:COMPOSIO_TEST_HOST) { $env:COMPOSIO_TEST_HOST } else { [Environment]::ProcessPath }
    $psi = New-PwshStartInfo -Exe $exe
    # Windows PowerShell's default policy would refuse the module's format files.
    if ($ModuleHost) { foreach ($a in '-ExecutionPolicy', 'Bypass') { $psi.ArgumentList.Add($a) } }
    foreach ($a in '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($prelude + $Script))) {
        $psi.ArgumentList.Add($a)
    }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.RedirectStandardInput = $true
    $psi.WorkingDirectory = $UserHome
    foreach ($key in @($psi.Environment.Keys)) {
        if ($key -eq 'PSModulePath' -or $key -like 'XDG_*' -or $key -like 'COMPOSIO_*') { $psi.Environment.Remove($key) | Out-Null }
    }
    $psi.Environment['HOME'] = $UserHome
    $psi.Environment['XDG_DATA_HOME'] = Join-Path $UserHome '.local/share'
    $psi.Environment['XDG_CONFIG_HOME'] = Join-Path $UserHome '.config'
    $psi.Environment['XDG_CACHE_HOME'] = Join-Path $UserHome '.cache'
    $psi.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $psi.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    $psi.Environment['NO_COLOR'] = '1'
    foreach ($key in $Environment.Keys) { $psi.Environment[$key] = [string]$Environment[$key] }

    $process = [System.Diagnostics.Process]::Start($psi)
    $process.StandardInput.Close()   # as under a scheduler: nothing to read, nobody to answer
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit(300000)) { $process.Kill($true); throw "pwsh as the user did not finish in 5 minutes." }
    $process.WaitForExit()
    $result = [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = @($stdout.Result -split '\r?\n' | Where-Object { $_ })
        Error    = $stderr.Result
    }
    $process.Dispose()
    if ($result.ExitCode -ne 0 -and -not $AllowFailure) {
        throw "pwsh as the user exited with $($result.ExitCode):`n$($result.Output -join "`n")`n$($result.Error)"
    }
    $result
}

# A PowerShell single-quoted literal of a value, to put paths (with spaces) into a script's text.
function ConvertTo-Literal([string] $Value) { "'" + [System.Management.Automation.Language.CodeGeneration]::EscapeSingleQuotedStringContent($Value) + "'" }
