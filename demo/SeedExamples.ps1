<#
.SYNOPSIS
    Walks the examples of "Programmatic Auth Configs" (the seed doc) the PowerShell way, against
    the local emulator, printing each object; then removes what it created.
.EXAMPLE
    dotnet pwsh ./build.ps1 Demo
#>
[CmdletBinding()]
param(
    # The built module's manifest (out/Composio/<version>/Composio.psd1).
    [Parameter(Mandatory)] [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$repoRoot = Split-Path $PSScriptRoot -Parent
Import-Module (Resolve-Path $ModulePath).Path -Force
Import-Module (Join-Path $repoRoot 'tools/EmulatorControl.psm1') -Force

# A private cache folder: the demo neither reads nor leaves behind a user's toolkit cache.
$env:COMPOSIO_CACHE_DIR = Join-Path ([IO.Path]::GetTempPath()) "composio-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))"

function Show-Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "== $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor DarkGray
}

$emulator = Start-ComposioEmulator
$created = [System.Collections.Generic.List[object]]::new()
try {
    Write-Host "Composio emulator listening on $($emulator.BaseUri)"
    $apiKey = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
    Connect-Composio -ApiKey $apiKey -BaseUri $emulator.BaseUri | Out-Null

    Show-Step 'OAuth2 with Composio managed auth (GitHub)' 'New-ComposioAuthConfig -Toolkit github -Name GitHub'
    $github = New-ComposioAuthConfig -Toolkit github -Name GitHub
    $created.Add($github)
    $github | Format-Table | Out-Host

    Show-Step 'OAuth2 with your own client id and secret (Notion)' `
        "New-ComposioAuthConfig -Toolkit notion -Name 'Notion Auth' -Type Custom -AuthScheme OAUTH2 -ClientId 1234567890 -ClientSecret `$secret -RedirectUri https://backend.composio.dev/api/v3/toolkits/auth/callback"
    $secret = ConvertTo-SecureString '1234567890' -AsPlainText -Force
    $notion = New-ComposioAuthConfig -Toolkit notion -Name 'Notion Auth' -Type Custom -AuthScheme OAUTH2 `
        -ClientId 1234567890 -ClientSecret $secret -RedirectUri 'https://backend.composio.dev/api/v3/toolkits/auth/callback'
    $created.Add($notion)
    $notion | Format-List | Out-Host

    Show-Step 'Managed auth with your own scopes (HubSpot)' 'New-ComposioAuthConfig -Toolkit hubspot -Name HubspotConfig -Scope sales-email-read, tickets'
    $hubspot = New-ComposioAuthConfig -Toolkit hubspot -Name HubspotConfig -Scope sales-email-read, tickets
    $created.Add($hubspot)
    $hubspot | Format-List | Out-Host

    Show-Step 'Other auth types: an API key config (Perplexity AI)' "New-ComposioAuthConfig -Toolkit perplexityai -Name 'Perplexity AI' -Type Custom -AuthScheme API_KEY -Credentials @{}"
    $perplexity = New-ComposioAuthConfig -Toolkit perplexityai -Name 'Perplexity AI' -Type Custom -AuthScheme API_KEY -Credentials @{}
    $created.Add($perplexity)
    $perplexity | Format-Table | Out-Host

    Show-Step 'Inspecting the fields a scheme needs (Notion OAuth2, required only)' 'Get-ComposioAuthConfigField -Toolkit notion -AuthScheme OAUTH2 -RequiredOnly'
    Get-ComposioAuthConfigField -Toolkit notion -AuthScheme OAUTH2 -RequiredOnly | Format-Table | Out-Host

    Show-Step 'Everything created above' '$created | Format-Table'
    $created | Format-Table | Out-Host

    # Desired state: a small file applied twice; the second run finds nothing to change.
    $desired = Join-Path ([IO.Path]::GetTempPath()) "composio-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8)).psd1"
    Set-Content -Path $desired -Value @'
@{
    AuthConfigs = @(
        @{ Toolkit = 'github'; Name = 'demo-github'; Scopes = 'repo', 'read:user' }
        @{
            Toolkit = 'notion'; Name = 'demo-notion'; Type = 'Custom'; AuthScheme = 'OAUTH2'
            Credentials = @{ client_id = '1234567890'; client_secret = @{ Secret = 'notion-client-secret' } }
        }
        @{ Toolkit = 'slack'; Name = 'demo-slack'; Enabled = $false }
    )
}
'@
    Get-Content $desired | Out-Host
    Show-Step 'Desired state: the plan, without changing anything' "Sync-ComposioAuthConfig -Path $desired -Secret @{ 'notion-client-secret' = `$secret } -WhatIf"
    Sync-ComposioAuthConfig -Path $desired -Secret @{ 'notion-client-secret' = $secret } -WhatIf | Format-Table | Out-Host
    Show-Step 'Desired state: apply it' "Sync-ComposioAuthConfig -Path $desired -Secret @{ 'notion-client-secret' = `$secret }"
    $synced = @(Sync-ComposioAuthConfig -Path $desired -Secret @{ 'notion-client-secret' = $secret })
    $synced | Format-Table | Out-Host
    # Unmanaged rows are the seed's own configs of the same toolkits, already in $created.
    foreach ($result in $synced) { if ($result.Id -and $result.Action -eq 'Create') { $created.Add((Get-ComposioAuthConfig -Id $result.Id)) } }
    Show-Step 'Desired state: apply it again (nothing to change, no secret needed)' "Sync-ComposioAuthConfig -Path $desired"
    $again = @(Sync-ComposioAuthConfig -Path $desired)
    $again | Format-Table | Out-Host
    # Unmanaged rows name configs the file does not declare; Sync lists them and leaves them alone.
    $changed = @($again | Where-Object Action -notin 'Unchanged', 'Unmanaged')
    if ($changed.Count -gt 0) { throw "The second sync changed $($changed.Count) configs; it should change none." }
    Write-Host "Second sync: all $(@($again | Where-Object Action -eq Unchanged).Count) declared configs Unchanged."
    Remove-Item $desired -Force
}
finally {
    if ($created.Count -gt 0) {
        Show-Step 'Cleaning up' '$created | Remove-ComposioAuthConfig -Force'
        $created | Remove-ComposioAuthConfig -Force -ErrorAction Continue
        Write-Host "Removed $($created.Count) auth configs."
    }
    Disconnect-Composio
    $emulator | Stop-ComposioEmulator
    Remove-Item $env:COMPOSIO_CACHE_DIR -Recurse -Force -ErrorAction SilentlyContinue
}
