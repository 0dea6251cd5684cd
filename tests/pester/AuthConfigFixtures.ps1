# Dot-sourced after Common.ps1 by the lifecycle test files: makes auth configs on the emulator
# directly (not through the module, so a test of one cmdlet does not depend on another) and
# reads the emulator's request log.

# Every API request since the last reset/clear, one object each.
function Get-ApiRequest([Parameter(Mandatory)] $Emulator) { @(Get-WireRequest $Emulator -PathLike '/api/*') }

function Invoke-EmulatorApi([Parameter(Mandatory)] $Emulator, [string] $Method, [string] $Path, $Body) {
    $params = @{ Method = $Method; Uri = "$($Emulator.BaseUri)/api/v3.1/$Path"; Headers = @{ 'x-api-key' = $Emulator.ApiKey } }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 10 -Compress); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

# A Composio-managed config (default type); returns its id.
function New-ManagedConfig([Parameter(Mandatory)] $Emulator, [string] $Toolkit = 'github', [string] $Name) {
    $config = @{ type = 'use_composio_managed_auth' }
    if ($Name) { $config.name = $Name }
    (Invoke-EmulatorApi $Emulator POST auth_configs @{ toolkit = @{ slug = $Toolkit }; auth_config = $config }).auth_config.id
}

# A custom OAuth2 config with client_id/client_secret; returns its id.
function New-CustomConfig([Parameter(Mandatory)] $Emulator, [string] $Toolkit = 'notion', [string] $Name,
    [string] $ClientId = 'client-id-original', [string] $ClientSecret = 'orig-secret-value-0001') {
    $config = @{ type = 'use_custom_auth'; authScheme = 'OAUTH2'; credentials = @{ client_id = $ClientId; client_secret = $ClientSecret } }
    if ($Name) { $config.name = $Name }
    (Invoke-EmulatorApi $Emulator POST auth_configs @{ toolkit = @{ slug = $Toolkit }; auth_config = $config }).auth_config.id
}

# The config as the emulator shows it on the wire (secrets masked by the emulator: first 4 characters).
function Get-RawConfig([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Id) {
    Invoke-EmulatorApi $Emulator GET "auth_configs/$Id"
}
