@{
    # The one version number of the project: Directory.Build.props reads it for the assemblies.
    ModuleVersion        = '0.2.0'
    RootModule           = 'Composio.PowerShell.dll'
    GUID                 = '3f0c2a4e-8b1d-4f6a-9c55-2d7e1b9a4c10'
    Author               = 'Composio PowerShell contributors'
    CompanyName          = 'Community'
    Copyright            = '(c) Composio PowerShell contributors. MIT License.'
    # Where Update-Help finds Composio_<GUID>_HelpInfo.xml (build.ps1 writes it to out/help/).
    HelpInfoUri          = 'https://composio-powershell.github.io/Composio/help/'
    Description          = 'Create, inspect, change and remove Composio auth configs: Composio-managed OAuth, your own OAuth2 apps, API keys, bearer tokens and more, with typed objects that pipe between cmdlets.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('Composio.AuthConfig.format.ps1xml', 'Composio.Toolkit.format.ps1xml', 'Composio.Sync.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Composio'
        'Disconnect-Composio'
        'New-ComposioAuthConfig'
        'Get-ComposioAuthConfig'
        'Set-ComposioAuthConfig'
        'Enable-ComposioAuthConfig'
        'Disable-ComposioAuthConfig'
        'Remove-ComposioAuthConfig'
        'Get-ComposioToolkit'
        'Get-ComposioAuthConfigField'
        'Get-ComposioConnection'
        'Export-ComposioAuthConfig'
        'Sync-ComposioAuthConfig'
        'Get-ComposioToolkitScope'
        'Copy-ComposioAuthConfig'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Composio', 'OAuth', 'AuthConfig', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/composio-powershell/Composio'
            LicenseUri   = 'https://github.com/composio-powershell/Composio/blob/main/LICENSE'
            # The shipped copy carries the newest CHANGELOG.md section here (build.ps1).
            ReleaseNotes = 'See CHANGELOG.md'
        }
    }
}
