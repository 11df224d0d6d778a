import SiteKit
print("nianbao")
